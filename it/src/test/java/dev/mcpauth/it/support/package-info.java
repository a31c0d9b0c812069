/**
 * What several integration suites share: the real processes they start ({@link dev.mcpauth.it.support.ServerProcesses})
 * and the black-box contract of the sample as a resource server ({@link dev.mcpauth.it.support.SampleResourceServerContract}),
 * which the Payara Micro and the scale-out suites run against their own servers, and a DPoP client's key and proofs
 * ({@link dev.mcpauth.it.support.DpopClient}).
 */
package dev.mcpauth.it.support;

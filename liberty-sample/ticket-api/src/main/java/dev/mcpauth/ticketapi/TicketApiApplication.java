package dev.mcpauth.ticketapi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The ticket API's Jakarta REST application, at its context root ({@code /ticket-api} on the sample's server). */
@ApplicationPath("/")
public class TicketApiApplication extends Application {}

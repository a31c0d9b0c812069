// The sample's tickets (liberty-sample's TicketStore), shared by the TypeScript peers of the benchmark so each
// answers search_tickets over the same data as the runtime's sample.

export const TICKETS = [
  { id: 'T-1001', title: 'Cannot log in after password reset', status: 'OPEN', customer: 'ACME Corp', assignee: 'alice', description: 'Since the reset this morning the login page says \'invalid credentials\'.' },
  { id: 'T-1002', title: 'Invoice shows the wrong VAT rate', status: 'PENDING', customer: 'Globex', assignee: 'alice', description: 'Our March invoice applies 21% instead of 19%.' },
  { id: 'T-1003', title: 'Export to CSV times out', status: 'OPEN', customer: 'Initech', assignee: 'alice', description: 'Exporting more than 10,000 rows never finishes.' },
  { id: 'T-2001', title: 'Request for a second admin account', status: 'OPEN', customer: 'Umbrella', assignee: 'bob', description: 'We need another administrator for the night shift.' },
  { id: 'T-2002', title: 'Mobile app crashes on start', status: 'CLOSED', customer: 'Hooli', assignee: 'bob', description: 'Version 4.2 crashes immediately on Android 14.' },
];

/** The caller's tickets whose title, description or customer contains the query, ignoring case. */
export function searchTickets(user, query) {
  const needle = query.toLowerCase();
  return TICKETS.filter((t) => t.assignee === user && `${t.title} ${t.description} ${t.customer}`.toLowerCase().includes(needle));
}

/** A ticket's shape, for the tools' output schemas (each server passes its own zod). */
export const ticketShape = (zod) => zod.object({
  id: zod.string(), title: zod.string(), status: zod.string(), customer: zod.string(), assignee: zod.string(), description: zod.string(),
});

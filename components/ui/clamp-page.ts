// A page number from the URL, kept within what the lists serve. Its own module: the alerts, deliveries and
// approvals lists (and their server pages) used to import it from the jobs URL state, with the jobs' constants.
export const clampPage = (page: number) => Math.min(Math.max(1, Math.floor(page)), 100_000);

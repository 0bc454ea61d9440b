import { EMAIL_COLUMNS, type EmailColumn } from "../columns";

// One column list for the generator and the loader, so they cannot drift apart.
export { EMAIL_COLUMNS, type EmailColumn };

export type EmailRecord = Record<EmailColumn, string>;

/** Per-request values the routes hand to the request log. */
export type Counts = { accepted: number; duplicate: number; rejected: number };

export type AppEnv = { Variables: { counts?: Counts } };

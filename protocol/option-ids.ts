// Zod-free, so browser code can import it without pulling schema construction into its chunk.

/** Option id every sensitive question must offer, distinct from "not answered". */
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

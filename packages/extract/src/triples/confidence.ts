/** The confidence below which `kg build` leaves a triple out of the graph (`kg extract` writes all). */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

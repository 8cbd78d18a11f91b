/**
 * How dates are read everywhere: the one name for the order of numeric dates. Field dates
 * (extract-fields/dates.ts) and birth dates (patients/dates.ts) take it from the clinic's
 * configuration (`patients.dateOrder`).
 */

/** Order of ambiguous numeric dates: 'MDY' reads 05/03/2024 as May 3 (US), 'DMY' as 5 March. */
export type DateOrder = 'MDY' | 'DMY'

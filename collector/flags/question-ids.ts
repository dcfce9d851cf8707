/**
 * The ids the flag rules read, as the built-in survey `career-outcomes` names
 * them (surveys/career-outcomes.json). A custom survey that reuses these ids
 * gets the same flags; one that does not gets unknown flags, never false ones.
 */
export const Q = {
  changes: 'changes',
  helped: 'helped',
  iloWorked: 'ilo_worked',
  iloSearched: 'ilo_searched',
  iloAvailable: 'ilo_available',
  /** Registration with the public employment service, one per country that has a question for it. */
  pesRegistered: ['pes_registered_fr', 'pes_registered_jp'],
  area: ['area', 'area_fr', 'area_gb', 'area_us', 'area_jp'],
  gssCondition: 'gss_condition',
  gssReduces: 'gss_reduces',
  wgRows: ['wg_seeing', 'wg_hearing', 'wg_walking', 'wg_cognition', 'wg_selfcare', 'wg_communication'],
  protection: ['protection_status', 'protection_status_us', 'protection_status_jp'],
} as const;

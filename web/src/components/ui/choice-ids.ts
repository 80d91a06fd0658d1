/**
 * GOV.UK's convention for radios and checkboxes: the first item carries the group's id (so an error
 * summary link lands on it), the rest are numbered from 2.
 */
export const choiceId = (idPrefix: string, index: number): string => (index === 0 ? idPrefix : `${idPrefix}-${index + 1}`);

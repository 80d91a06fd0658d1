/** Joins the class names that apply, skipping the conditional ones that do not. */
export const cx = (...names: (string | false | null | undefined)[]): string => names.filter(Boolean).join(' ');

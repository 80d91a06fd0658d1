import { useCallback, useEffect, useRef } from 'react';

/**
 * Moves focus to an element that the next render will create or keep: the first field of a row just
 * added, or the "Add" button after a row is removed, so keyboard and screen reader users are not left
 * on a button that no longer exists.
 */
export function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === null) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return useCallback((id: string) => {
    pending.current = id;
  }, []);
}

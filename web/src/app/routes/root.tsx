import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';

/**
 * After moving to another page, focus goes to its h1, so screen reader users hear where they are and
 * keyboard users continue from the top, as after a full page load. Filters and paging change only the
 * query string and keep focus where it was.
 */
export function RootRoute() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [pathname]);

  return <Outlet />;
}

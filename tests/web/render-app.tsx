import { QueryClient } from '@tanstack/react-query';
import { render, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '../../web/src/app/provider';
import { routes } from '../../web/src/app/router';

/** Mounts the whole app, with its real routes and providers, at `path` in an in-memory history. */
export function renderApp(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, router, queryClient, user };
}

/** The address the app is showing, as the browser would display it. */
export const currentPath = (router: ReturnType<typeof createMemoryRouter>) =>
  `${router.state.location.pathname}${router.state.location.search}`;

/** The value beside a key of a GOV.UK summary list. */
export const valueOf = (container: HTMLElement, key: string) => within(container).getByText(key, { selector: 'dt' }).nextElementSibling;

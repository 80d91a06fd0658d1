import { ActionFilter, type ActionState } from '@marac/shared';
import { paths } from '../../../config/paths';
import { parseSearchParams } from '../../../lib/search-params';

/**
 * The list's filters as the address keeps them: the same names and values as the API's query (and the
 * links the server writes into notices and e-mails, `/actions?areaId=…&state=overdue`), ids and dates
 * only. No state means every action, which is what a review's "total" figure links to.
 */
export const readActionFilter = (params: URLSearchParams): ActionFilter => parseSearchParams(ActionFilter, params);

/** The same filters in another state (or every state), back on the first page. */
export const withState = (filter: ActionFilter, state: ActionState | undefined): string => paths.actions.filtered({ ...filter, state });

/** The filters as search params, leaving out the empty ones, in the order every link to the list uses. */
export const actionSearchParams = (filter: ActionFilter): URLSearchParams => new URLSearchParams(paths.actions.filtered(filter).split('?')[1] ?? '');

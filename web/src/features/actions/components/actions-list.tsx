import type { ActionFilter } from '@marac/shared';
import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { useActions } from '../api/get-actions';
import { ActionsTable } from './actions-table';
import { StateTabs } from './state-tabs';

export const ACTIONS_PAGE_SIZE = 25;

interface ActionsListProps {
  filter: ActionFilter;
  page: number;
  hrefForPage: (page: number) => string;
  showAgency: boolean;
  showArea: boolean;
}

/** The state tabs with their counts and the page of actions, from one read of the list. */
export function ActionsList({ filter, page, hrefForPage, showAgency, showArea }: ActionsListProps) {
  const list = useActions({ ...filter, limit: ACTIONS_PAGE_SIZE, offset: (page - 1) * ACTIONS_PAGE_SIZE });
  // Every row of a case's list names the case: say which, and offer the way back to every case.
  const caseReference = filter.caseId ? list.data?.items.find((item) => item.caseId === filter.caseId)?.caseReference : undefined;
  return (
    <>
      {filter.caseId ? (
        <p className="govuk-body">
          Only the actions of case {caseReference ?? 'you followed a link to'}.{' '}
          <Link className="govuk-link" to={paths.actions.filtered({ ...filter, caseId: undefined })}>
            Show every case
          </Link>
        </p>
      ) : null}
      <StateTabs filter={filter} counts={list.data?.counts ?? null} />
      {list.isPending ? (
        <Loading label="Loading actions…" />
      ) : list.isError ? (
        <QueryProblem error={list.error} subject="the actions" />
      ) : (
        <ActionsTable
          list={list.data}
          hrefForPage={hrefForPage}
          showAgency={showAgency}
          showArea={showArea}
          empty={filter.state === 'overdue' ? 'No action matching these filters is overdue.' : 'No actions match these filters.'}
        />
      )}
    </>
  );
}

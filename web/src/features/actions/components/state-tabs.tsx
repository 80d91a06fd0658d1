import { ACTION_STATE_LABELS, ACTION_STATES, type ActionCounts, type ActionFilter, type ActionState } from '@marac/shared';
import { Link } from 'react-router';
import { cx } from '../../../components/ui/class-names';
import { formatNumber } from '../../../lib/format';
import { withState } from './action-list-filters';

interface StateTabsProps {
  filter: ActionFilter;
  /** Null while the first page loads: the tabs are there to use, without numbers yet. */
  counts: ActionCounts | null;
}

/**
 * The states of the list, each with how many actions are in it under the other filters. They are links
 * (the state is part of the address, like every filter), drawn like GOV.UK tabs.
 */
export function StateTabs({ filter, counts }: StateTabsProps) {
  const tabs: { state: ActionState | undefined; label: string; count: number | null }[] = [
    ...ACTION_STATES.map((state) => ({ state, label: ACTION_STATE_LABELS[state], count: counts ? counts[state] : null })),
    // Open and closed share nothing and cover everything.
    { state: undefined, label: 'All', count: counts ? counts.open + counts.closed : null },
  ];
  return (
    <nav className="app-state-tabs" aria-label="Actions by state">
      <ul className="app-state-tabs__list">
        {tabs.map((tab) => {
          const current = tab.state === filter.state;
          return (
            <li key={tab.label} className={cx('app-state-tabs__item', current && 'app-state-tabs__item--current')}>
              <Link className="govuk-link govuk-link--no-visited-state app-state-tabs__link" to={withState(filter, tab.state)} aria-current={current ? 'page' : undefined}>
                {tab.label}
                {tab.count === null ? null : (
                  <>
                    {' '}
                    <span className="app-state-tabs__count">{formatNumber(tab.count)}</span>
                  </>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

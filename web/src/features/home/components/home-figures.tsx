import type { HomeFigure } from '@marac/shared';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { formatNumber } from '../../../lib/format';

/** Figures with a page behind them link to it; the server only sends figures the role may follow. */
const FIGURE_PAGES: Partial<Record<string, string>> = {
  referrals_awaiting_screening: paths.screening,
  windows_lapsing: paths.repeatWindows,
  referrals_in_progress: paths.referrals.mine,
  // The action figures count what the list shows under the same filter (the server counts them alike).
  actions_open: paths.actions.filtered({ state: 'open' }),
  actions_overdue: paths.actions.filtered({ state: 'overdue' }),
  actions_due_7_days: paths.actions.filtered({ state: 'due_soon' }),
  actions_escalated: paths.actions.filtered({ state: 'open', status: 'escalated' }),
};

export function HomeFigures({ figures }: { figures: readonly HomeFigure[] }) {
  if (figures.length === 0) return null;
  return (
    <ul className="app-figures" aria-label="Your figures">
      {figures.map((figure) => {
        const page = FIGURE_PAGES[figure.key];
        return (
          <li key={figure.key} className="app-figure">
            <h2 className="app-figure__label">
              {page ? (
                <Link className="govuk-link" to={page}>
                  {figure.label}
                </Link>
              ) : (
                figure.label
              )}
            </h2>
            <span className="app-figure__value">{formatNumber(figure.value)}</span>
            {figure.hint ? <p className="app-figure__hint">{figure.hint}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}

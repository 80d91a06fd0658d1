import type { HomeFigure } from '@marac/shared';
import { formatNumber } from '../../../lib/format';

export function HomeFigures({ figures }: { figures: readonly HomeFigure[] }) {
  if (figures.length === 0) return null;
  return (
    <ul className="app-figures" aria-label="Your figures">
      {figures.map((figure) => (
        <li key={figure.key} className="app-figure">
          <h2 className="app-figure__label">{figure.label}</h2>
          <span className="app-figure__value">{formatNumber(figure.value)}</span>
          {figure.hint ? <p className="app-figure__hint">{figure.hint}</p> : null}
        </li>
      ))}
    </ul>
  );
}

import type { BarEffect } from '@marac/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { formatCount, formatDate } from '../../lib/format';
import { NotificationBanner } from './notification-banner';

const listed = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** Who the bar names, as the heading says it. */
const barredParty = (effect: BarEffect): string => effect.agencyName ?? effect.personName ?? 'The e-mail address recorded';

/**
 * What one new bar took away at once, in the words the coordinator acts on: which meetings' research
 * the agency lost, that nothing more reaches it, and the open actions it still owns on the case.
 */
function EffectWords({ effect }: { effect: BarEffect }) {
  const { caseReference, because } = effect;
  const sentences: ReactNode[] = [];
  if (effect.agencyName) {
    const meetings = effect.withdrawnFrom.map((meeting) => formatDate(meeting.date));
    sentences.push(
      meetings.length > 0
        ? `${effect.agencyName} was withdrawn from case ${caseReference} at the ${meetings.length === 1 ? 'meeting' : 'meetings'} on ${listed(meetings)}, because ${because}.`
        : `${effect.agencyName} is barred from case ${caseReference}, because ${because}.`,
      ' It can no longer see the case, and nothing more about it will be sent to it.',
    );
    if (effect.openActions > 0) {
      sentences.push(
        ` It owns ${formatCount(effect.openActions, 'open action')} on the case: `,
        <Link key="actions" className="govuk-link" to={paths.actions.filtered({ caseId: effect.caseId, state: 'open' })}>
          reassign {effect.openActions === 1 ? 'it' : 'them'}
        </Link>,
        '.',
      );
    }
  }
  if (effect.personName) {
    // The reason speaks of the agency when the bar names one; of the person, it is their e-mail that is named.
    const personBecause = because.replace(/ (it|them) as /, ' their e-mail as ');
    sentences.push(`${effect.agencyName ? ' ' : ''}${effect.personName} is barred from case ${caseReference}, because ${personBecause}: they can no longer see it.`);
  }
  if (!effect.agencyName && !effect.personName) {
    sentences.push(`Nothing about case ${caseReference} will be sent to the e-mail address recorded, because ${because}.`);
  }
  return <p className="govuk-body">{sentences}</p>;
}

/**
 * Told at once after a change that barred someone from a case (a screening decision, a coordinator
 * recording a bar): the platform has already withdrawn what the bar forbids, and the coordinator needs
 * to know what, and what is left for them to do.
 */
export function BarEffectsBanner({ effects }: { effects: readonly BarEffect[] }) {
  if (effects.length === 0) return null;
  const cases = [...new Set(effects.map((effect) => effect.caseReference))];
  const heading =
    effects.length === 1 && effects[0]
      ? `${barredParty(effects[0])} is now barred from case ${effects[0].caseReference}`
      : `${formatCount(effects.length, 'new bar')} on ${cases.length === 1 ? 'case' : 'cases'} ${listed(cases)}`;
  return (
    <NotificationBanner
      title={cases.length === 1 ? 'Barred from the case' : 'Barred from cases'}
      details={effects.map((effect, index) => (
        <EffectWords key={index} effect={effect} />
      ))}
    >
      {heading}
    </NotificationBanner>
  );
}

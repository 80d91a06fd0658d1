import { FLAG_KINDS, FLAG_LABELS } from '@marac/shared';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FlagList } from '../../../../web/src/components/ui/flag-list';
import { buildFlag, newId } from '../../factories';

const tag = (kind: (typeof FLAG_KINDS)[number]) => ({ kind, label: FLAG_LABELS[kind] });

describe('FlagList', () => {
  it('draws flags as tags coloured by what they mean: danger red, handling orange, context blue, other areas purple', () => {
    render(<FlagList variant="tags" flags={[tag('repeat'), tag('pregnancy_or_baby'), tag('children_in_household'), tag('cross_area_history'), tag('window_lapsing')]} />);

    const list = screen.getByRole('list', { name: 'Flags' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Repeat',
      'Pregnancy or baby under 18 months',
      'Children in household',
      'History in another area',
      '12-month window lapsing',
    ]);
    expect(within(list).getByText('Repeat')).toHaveClass('govuk-tag', 'govuk-tag--red');
    expect(within(list).getByText('Pregnancy or baby under 18 months')).toHaveClass('govuk-tag', 'govuk-tag--orange');
    expect(within(list).getByText('Children in household')).toHaveClass('govuk-tag', 'govuk-tag--blue');
    expect(within(list).getByText('History in another area')).toHaveClass('govuk-tag', 'govuk-tag--purple');
    expect(within(list).getByText('12-month window lapsing')).toHaveClass('govuk-tag', 'govuk-tag--yellow');
  });

  it('gives every kind of flag a coloured tag', () => {
    render(<FlagList variant="tags" flags={FLAG_KINDS.map(tag)} />);

    for (const kind of FLAG_KINDS) expect(screen.getByText(FLAG_LABELS[kind]).className).toMatch(/govuk-tag--[a-z]+/);
  });

  it('draws nothing for no flags as tags, and says so in the full form', () => {
    const { container } = render(<FlagList variant="tags" flags={[]} />);
    expect(container).toBeEmptyDOMElement();

    render(<FlagList flags={[]} heading="Flags on this case" />);
    const section = screen.getByRole('region', { name: 'Flags on this case' });
    expect(within(section).getByText('No flags.')).toBeInTheDocument();
  });

  it('explains each flag in the full form, naming the related cases the viewer may open and only counting the others', () => {
    render(
      <FlagList
        flags={[
          buildFlag('repeat', {
            detail: 'Referred again within 12 months of the referral of 20 March 2025',
            relatedCases: [{ id: newId(), reference: 'NBC-2025-0007', areaName: 'Northbridge City' }],
            hiddenRelatedCount: 1,
            previousReferralDate: '2025-03-20',
            anchorDate: '2025-03-20',
            daysLeft: 1,
          }),
          buildFlag('serial_perpetrator', { detail: 'The perpetrator is named in cases with 3 unconnected victims', hiddenRelatedCount: 2 }),
        ]}
      />,
    );

    const section = screen.getByRole('region', { name: 'Flags' });
    const repeat = within(section).getByText('Repeat').closest('.govuk-summary-list__row') as HTMLElement;
    expect(within(repeat).getByText('Repeat')).toHaveClass('govuk-tag--red');
    expect(repeat).toHaveTextContent('Referred again within 12 months of the referral of 20 March 2025');
    expect(repeat).toHaveTextContent('Previous referral: 20 March 2025');
    expect(repeat).toHaveTextContent('12-month window counted from 20 March 2025');
    expect(repeat).toHaveTextContent('1 day left in the window');
    expect(repeat).toHaveTextContent('Related cases: NBC-2025-0007 (Northbridge City) and 1 other case you cannot see');
    const serial = within(section).getByText('Serial perpetrator').closest('.govuk-summary-list__row') as HTMLElement;
    expect(serial).toHaveTextContent('2 related cases you cannot see');
    expect(serial).not.toHaveTextContent('Previous referral');
  });
});

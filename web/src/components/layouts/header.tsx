import type { ReactNode } from 'react';
import { Link, useMatch, useResolvedPath } from 'react-router';
import { paths } from '../../config/paths';
import { cx } from '../ui/class-names';

export interface NavigationItem {
  to: string;
  label: string;
  /** Only active on this exact address (Home would otherwise be active everywhere). */
  end?: boolean;
}

export interface SignedInUser {
  name: string;
  roleLabel: string;
  agencyName: string | null;
}

interface HeaderProps {
  user?: SignedInUser | undefined;
  navigation?: readonly NavigationItem[] | undefined;
  signOut?: ReactNode;
  /** A link to the user's notices, beside their name, for the roles that receive them. */
  notices?: ReactNode;
}

function NavigationEntry({ item }: { item: NavigationItem }) {
  const resolved = useResolvedPath(item.to);
  const isActive = useMatch({ path: resolved.pathname, end: item.end ?? false }) !== null;
  return (
    <li className={cx('govuk-service-navigation__item', isActive && 'govuk-service-navigation__item--active')}>
      <Link className="govuk-service-navigation__link" to={item.to} aria-current={isActive ? 'page' : undefined}>
        {isActive ? <strong className="govuk-service-navigation__active-fallback">{item.label}</strong> : item.label}
      </Link>
    </li>
  );
}

// The service name stands alone in the header: the GOV.UK crown is only for services on GOV.UK.
export function Header({ user, navigation, signOut, notices }: HeaderProps) {
  return (
    <>
      <header className="govuk-header">
        <div className="govuk-header__container govuk-width-container app-header__container">
          <div className="govuk-header__logo">
            <Link to={paths.home} className="govuk-header__link govuk-header__link--homepage app-header__service-name">
              MARAC
            </Link>
          </div>
          {user ? (
            <div className="app-header__user">
              <p className="app-header__user-name">{user.name}</p>
              <p className="app-header__user-role">
                {user.roleLabel}
                {user.agencyName ? `, ${user.agencyName}` : null}
              </p>
              {notices}
              {signOut}
            </div>
          ) : null}
        </div>
      </header>
      {navigation && navigation.length > 0 ? (
        <div className="govuk-service-navigation">
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list">
                  {navigation.map((item) => (
                    <NavigationEntry key={item.to} item={item} />
                  ))}
                </ul>
              </nav>
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}

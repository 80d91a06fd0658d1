import type { ReactNode } from 'react';
import { DemoBanner } from './demo-banner';
import { Footer } from './footer';
import { Header, type NavigationItem, type SignedInUser } from './header';
import { MAIN_CONTENT_ID, SkipLink } from './skip-link';

interface PageLayoutProps {
  demo: boolean;
  user?: SignedInUser;
  navigation?: readonly NavigationItem[];
  signOut?: ReactNode;
  notices?: ReactNode;
  children: ReactNode;
}

export function PageLayout({ demo, user, navigation, signOut, notices, children }: PageLayoutProps) {
  return (
    <div className="app-page">
      <SkipLink />
      <Header user={user} navigation={navigation} signOut={signOut} notices={notices} />
      {demo ? <DemoBanner /> : null}
      <div className="govuk-width-container app-page__body">
        <main className="govuk-main-wrapper" id={MAIN_CONTENT_ID} tabIndex={-1}>
          {children}
        </main>
      </div>
      <Footer />
    </div>
  );
}

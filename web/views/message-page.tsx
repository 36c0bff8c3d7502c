import type { Child } from 'hono/jsx';
import { Layout } from './layout.js';

/** Where to go from a page that cannot show what was asked for, so that it is not a dead end. */
export interface WayOn {
  href: string;
  label: string;
}

export interface MessagePageProps {
  forceName: string;
  title: string;
  advice: string;
  wayOn?: WayOn;
  nav?: Child;
  /** Between the advice and the way on: what the page gives back (text the person typed). */
  children?: Child;
}

export function MessagePage({ forceName, title, advice, wayOn, nav, children }: MessagePageProps) {
  return (
    <Layout title={title} forceName={forceName} nav={nav}>
      <h1>{title}</h1>
      <p>{advice}</p>
      {children}
      {wayOn && (
        <p>
          <a href={wayOn.href}>{wayOn.label}</a>
        </p>
      )}
    </Layout>
  );
}

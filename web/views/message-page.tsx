import { Layout } from './layout.js';

export function MessagePage({ forceName, title, advice }: { forceName: string; title: string; advice: string }) {
  return (
    <Layout title={title} forceName={forceName}>
      <h1>{title}</h1>
      <p>{advice}</p>
    </Layout>
  );
}

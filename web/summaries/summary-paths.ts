/** The summaries area's addresses, for its pages, its routes and the audit log's links. */
export const summaryPaths = {
  list: '/admin/summaries',
  compile: '/admin/summaries/compile',
  preview: '/admin/summaries/preview',
  month: (month: string) => `/admin/summaries/${month}`,
  pack: (month: string) => `/admin/summaries/${month}/board-pack.xlsx`,
  sendAfterBounce: (month: string) => `/admin/summaries/${month}/send-after-bounce`,
};

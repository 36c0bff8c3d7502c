/** Where the import pages live; the upload path is also the one the app-wide body limit lets through. */
export const importPaths = {
  start: '/admin/import',
  upload: '/admin/import/preview',
  preview: (draftId: string) => `/admin/import/${draftId}`,
  aliases: (draftId: string) => `/admin/import/${draftId}/aliases`,
  confirm: (draftId: string) => `/admin/import/${draftId}/confirm`,
};

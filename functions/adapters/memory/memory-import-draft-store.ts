import type { ImportDraft, ImportDraftStore } from '../../core/admin/import-drafts.js';

/** The ImportDraftStore port in memory, for tests. */
export class MemoryImportDraftStore implements ImportDraftStore {
  readonly drafts = new Map<string, ImportDraft>();

  async put(draft: ImportDraft): Promise<void> {
    this.drafts.set(draft.id, structuredClone(draft));
  }

  async get(id: string): Promise<ImportDraft | null> {
    const draft = this.drafts.get(id);
    return draft ? structuredClone(draft) : null;
  }

  async delete(id: string): Promise<void> {
    this.drafts.delete(id);
  }
}

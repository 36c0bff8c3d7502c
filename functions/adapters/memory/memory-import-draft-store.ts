import type { ImportDraft, ImportDraftStore, NameMatch } from '../../core/admin/import-drafts.js';

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

  async setMatches(id: string, matches: NameMatch[]): Promise<boolean> {
    const draft = this.drafts.get(id);
    if (draft) draft.matches = structuredClone(matches);
    return draft !== undefined;
  }

  async delete(id: string): Promise<void> {
    this.drafts.delete(id);
  }
}

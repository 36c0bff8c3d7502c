import { createHash, randomBytes } from 'node:crypto';

/**
 * An uploaded plan (and directory) kept server-side between the preview and the confirm, so that what
 * is imported is exactly what was previewed, without re-uploading it or trusting a file the browser
 * sends back. Bound to the admin who uploaded it and short-lived: expiry is checked in code.
 */
export interface ImportDraft {
  /** 128 random bits, base64url: the preview's address. */
  id: string;
  /** The signed-in admin's email: nobody else can see, change or confirm the draft. */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  plan: DraftFile;
  people: DraftFile | null;
  /** SHA-256 of both files as stored, for the audit log and to detect a damaged draft. */
  sha256: string;
  /**
   * Names the admin matched to people on the preview: kept here, not in the directory, until the import
   * is confirmed, so that nothing is saved before then, and uploading again starts afresh.
   */
  matches: NameMatch[];
}

/** A name as the plan writes it ("Supt Nobody") and the person it is to be an alias of. */
export interface NameMatch {
  name: string;
  personId: string;
}

export interface DraftFile {
  /** The name the browser gave the file, for display only (the content decides the format). */
  name: string;
  bytes: Uint8Array;
}

/** Where drafts are kept: put once, read by id, deleted on confirm (and tidied by TTL in AWS). */
export interface ImportDraftStore {
  put(draft: ImportDraft): Promise<void>;
  /** The draft, or null when there is none (expiry is the caller's check: see usableDraft). */
  get(id: string): Promise<ImportDraft | null>;
  /** Replaces the draft's matched names, leaving its files as they are; false when the draft is gone. */
  setMatches(id: string, matches: NameMatch[]): Promise<boolean>;
  delete(id: string): Promise<void>;
}

/** Long enough to resolve a few names and read the preview; short enough that a draft is not a copy of the plan. */
export const draftLifetimeMs = 2 * 60 * 60 * 1000;

export const draftIdPattern = /^[A-Za-z0-9_-]{22}$/;

export function draftSha256(plan: Uint8Array, people: Uint8Array | null): string {
  const hash = createHash('sha256').update(plan);
  if (people) hash.update('\0people\0').update(people);
  return hash.digest('hex');
}

export function newImportDraft(input: { by: string; now: Date; plan: DraftFile; people: DraftFile | null }): ImportDraft {
  return {
    id: randomBytes(16).toString('base64url'),
    createdBy: input.by,
    createdAt: input.now.toISOString(),
    expiresAt: new Date(input.now.getTime() + draftLifetimeMs).toISOString(),
    plan: input.plan,
    people: input.people,
    sha256: draftSha256(input.plan.bytes, input.people?.bytes ?? null),
    matches: [],
  };
}

/**
 * The draft behind an id, if it exists, belongs to this admin and has not expired; null otherwise (the
 * page then says to upload again, the same answer for each case so that ids cannot be probed).
 */
export async function usableDraft(store: ImportDraftStore, id: string, by: string, now: Date): Promise<ImportDraft | null> {
  if (!draftIdPattern.test(id)) return null;
  const draft = await store.get(id);
  if (!draft || draft.createdBy.toLowerCase() !== by.toLowerCase()) return null;
  return now.getTime() < Date.parse(draft.expiresAt) ? draft : null;
}

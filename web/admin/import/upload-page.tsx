import { maxFileBytes } from '../../../functions/adapters/spreadsheet/spreadsheet-errors.js';
import { ErrorMessage, ErrorSummary, FormGroup, describedBy } from '../../owner/components.js';
import type { AdminSession } from '../admin-env.js';
import { AdminLayout } from '../admin-layout.js';
import { importPaths } from './import-paths.js';
import type { UploadError, UploadField } from './read-upload.js';

export interface UploadPageProps {
  forceName: string;
  session: AdminSession;
  errors: UploadError[];
}

const accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

function FileInput({ field, label, hint, errors }: { field: UploadField; label: string; hint: string; errors: UploadError[] }) {
  const error = errors.find((e) => e.field === field)?.message;
  return (
    <FormGroup error={error}>
      <label class="label label-bold" for={field}>
        {label}
      </label>
      <p class="hint" id={`${field}-hint`}>
        {hint}
      </p>
      <ErrorMessage id={`${field}-error`} message={error} />
      <input
        class={error ? 'file-upload file-upload-error' : 'file-upload'}
        type="file"
        id={field}
        name={field}
        accept={accept}
        aria-describedby={describedBy(`${field}-hint`, error && `${field}-error`)}
      />
    </FormGroup>
  );
}

/** Step 1 of 3: choose the files. A plain multipart form: it works without script. */
export function UploadPage({ forceName, session, errors }: UploadPageProps) {
  return (
    <AdminLayout title="Import the action plan" forceName={forceName} session={session} current="/admin/import" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <h1>Import the action plan</h1>
      <p>Upload the plan as it is kept in Excel. You will see what would change, and can match names to people, before anything is saved.</p>
      <form method="post" action={importPaths.upload} enctype="multipart/form-data" novalidate>
        <FileInput
          field="plan"
          label="Action plan"
          hint={`An .xlsx or .csv file; with the people directory, up to ${maxFileBytes / 1024 / 1024} MB together. The first sheet with the plan's headings is read.`}
          errors={errors}
        />
        <FileInput
          field="people"
          label="People (optional)"
          hint="An .xlsx or .csv file with the columns name, role, email and aliases (other spellings, separated by ;). Leave it out to match owners against the people already stored."
          errors={errors}
        />
        <button type="submit" class="button">
          Upload and preview
        </button>
      </form>
      <p class="hint">Importing the same file again changes nothing. An owner's newer update is never overwritten by an older sheet.</p>
    </AdminLayout>
  );
}

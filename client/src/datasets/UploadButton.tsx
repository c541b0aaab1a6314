/** "Upload CSV": a button opening the file chooser (several files at once), each file handed on. */

import { Upload } from './icons.ts';
import { CSV_ACCEPT } from './upload-files.ts';

export interface UploadButtonProps {
  onFiles(files: File[]): void;
  label?: string;
  variant?: 'primary' | 'secondary';
  disabled?: boolean;
}

export function UploadButton(props: UploadButtonProps) {
  let input!: HTMLInputElement;
  return (
    <>
      <button
        type="button"
        class={`button button--${props.variant ?? 'primary'}`}
        disabled={props.disabled}
        onClick={() => input.click()}
      >
        <Upload size={16} aria-hidden="true" />
        {props.label ?? 'Upload CSV'}
      </button>
      <input
        ref={input}
        type="file"
        accept={CSV_ACCEPT}
        multiple
        hidden
        aria-label={props.label ?? 'Upload CSV'}
        data-testid="dataset-file-input"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = ''; // choosing the same file again fires change again
          if (files.length > 0) props.onFiles(files);
        }}
      />
    </>
  );
}

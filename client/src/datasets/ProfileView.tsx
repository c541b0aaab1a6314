/**
 * <ProfileView>: a dataset profile as people read it: summary, guessed target, warnings, and a
 * table of every column with its statistics and a small chart. Used by the dataset page, the
 * upload preview and the builder's inspector; it fetches nothing. In a narrow container (a side
 * panel) the column table keeps name, missing values and distribution (CSS container query).
 */
import { Show } from 'solid-js';
import type { DatasetProfile } from '../../../shared/datasets/profile/index.ts';
import { ColumnTable } from './ColumnTable.tsx';
import { ProfileSummary } from './ProfileSummary.tsx';
import { ProfileWarnings } from './ProfileWarnings.tsx';
import { TargetGuess } from './TargetGuess.tsx';
import './datasets.css';

export interface ProfileViewProps {
  profile: DatasetProfile;
  /** Names the table for screen readers ("Columns of penguins"). */
  name: string;
  sizeBytes?: number;
  /** A local preview, replaced by the server's profile once stored. */
  preview?: boolean;
}

export function ProfileView(props: ProfileViewProps) {
  return (
    <div class="profile-view" data-testid="dataset-profile">
      <Show when={props.preview}>
        <p class="profile-view__preview" role="note">
          Preview computed on this device while the file uploads; the stored profile replaces it.
        </p>
      </Show>
      <ProfileSummary profile={props.profile} sizeBytes={props.sizeBytes} />
      <TargetGuess target={props.profile.target} />
      <ProfileWarnings warnings={props.profile.warnings} />
      <ColumnTable profile={props.profile} caption={`Columns of ${props.name}`} />
    </div>
  );
}

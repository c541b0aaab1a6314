/** Icons of the datasets views, one deep import each (see components/icons.ts for why). */
import CircleCheckIcon from 'lucide-solid/icons/circle-check';
import CircleXIcon from 'lucide-solid/icons/circle-x';
import CrosshairIcon from 'lucide-solid/icons/crosshair';
import DatabaseIcon from 'lucide-solid/icons/database';
import DownloadIcon from 'lucide-solid/icons/download';
import FileWarningIcon from 'lucide-solid/icons/file-exclamation-point';
import FileSpreadsheetIcon from 'lucide-solid/icons/file-spreadsheet';
import TriangleAlertIcon from 'lucide-solid/icons/triangle-alert';
import UploadIcon from 'lucide-solid/icons/upload';
import type { Icon } from '../components/icons.ts';

const asIcon = (module: unknown): Icon => module as Icon;

export const CircleCheck = asIcon(CircleCheckIcon);
export const CircleX = asIcon(CircleXIcon);
export const Crosshair = asIcon(CrosshairIcon);
export const Database = asIcon(DatabaseIcon);
export const Download = asIcon(DownloadIcon);
export const FileSpreadsheet = asIcon(FileSpreadsheetIcon);
export const FileWarning = asIcon(FileWarningIcon);
export const TriangleAlert = asIcon(TriangleAlertIcon);
export const Upload = asIcon(UploadIcon);
export {
  ArrowLeft,
  CircleAlert,
  CloudOff,
  Pencil,
  Plus,
  Search,
  SearchX,
  Trash,
  X,
} from '../components/icons.ts';

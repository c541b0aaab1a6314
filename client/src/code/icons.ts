/** Icons of the code panel, one deep import each (see components/icons.ts for why). */
import CheckIcon from 'lucide-solid/icons/check';
import ChevronDownIcon from 'lucide-solid/icons/chevron-down';
import CopyIcon from 'lucide-solid/icons/copy';
import DownloadIcon from 'lucide-solid/icons/download';
import FileCodeIcon from 'lucide-solid/icons/file-code';
import type { Icon } from '../components/icons.ts';

const asIcon = (module: unknown): Icon => module as Icon;

export const Check = asIcon(CheckIcon);
export const ChevronDown = asIcon(ChevronDownIcon);
export const Copy = asIcon(CopyIcon);
export const Download = asIcon(DownloadIcon);
export const FileCode = asIcon(FileCodeIcon);
export { CircleAlert, X } from '../components/icons.ts';

/** Icons of the runs views, one deep import each (see components/icons.ts for why). */
import ArrowDownToLineIcon from 'lucide-solid/icons/arrow-down-to-line';
import BanIcon from 'lucide-solid/icons/ban';
import ChartColumnIcon from 'lucide-solid/icons/chart-column';
import CircleCheckIcon from 'lucide-solid/icons/circle-check';
import CircleXIcon from 'lucide-solid/icons/circle-x';
import DownloadIcon from 'lucide-solid/icons/download';
import FileTextIcon from 'lucide-solid/icons/file-text';
import PlayIcon from 'lucide-solid/icons/play';
import SquareIcon from 'lucide-solid/icons/square';
import TimerIcon from 'lucide-solid/icons/timer';
import type { Icon } from '../components/icons.ts';

const asIcon = (module: unknown): Icon => module as Icon;

export const ArrowDownToLine = asIcon(ArrowDownToLineIcon);
export const Ban = asIcon(BanIcon);
export const ChartColumn = asIcon(ChartColumnIcon);
export const CircleCheck = asIcon(CircleCheckIcon);
export const CircleX = asIcon(CircleXIcon);
export const Download = asIcon(DownloadIcon);
export const FileText = asIcon(FileTextIcon);
export const Play = asIcon(PlayIcon);
export const Square = asIcon(SquareIcon);
export const Timer = asIcon(TimerIcon);
export { ArrowLeft, Search } from '../components/icons.ts';

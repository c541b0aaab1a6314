/** Icons of the versions UI, imported one file each (see components/icons.ts for why). */
import ArrowLeftIcon from 'lucide-solid/icons/arrow-left';
import CircleAlertIcon from 'lucide-solid/icons/circle-alert';
import CircleCheckIcon from 'lucide-solid/icons/circle-check';
import ClockIcon from 'lucide-solid/icons/clock';
import EyeIcon from 'lucide-solid/icons/eye';
import GitCompareIcon from 'lucide-solid/icons/git-compare';
import MessageSquareIcon from 'lucide-solid/icons/message-square';
import PlusIcon from 'lucide-solid/icons/plus';
import RotateCcwIcon from 'lucide-solid/icons/rotate-ccw';
import SaveIcon from 'lucide-solid/icons/save';
import TagIcon from 'lucide-solid/icons/tag';
import UserCheckIcon from 'lucide-solid/icons/user-check';
import XIcon from 'lucide-solid/icons/x';
import type { Icon } from '../components/icons.ts';

const asIcon = (module: unknown): Icon => module as Icon;

export const ArrowLeft = asIcon(ArrowLeftIcon);
export const CircleAlert = asIcon(CircleAlertIcon);
export const CircleCheck = asIcon(CircleCheckIcon);
export const Clock = asIcon(ClockIcon);
export const Eye = asIcon(EyeIcon);
export const GitCompare = asIcon(GitCompareIcon);
export const MessageSquare = asIcon(MessageSquareIcon);
export const Plus = asIcon(PlusIcon);
export const RotateCcw = asIcon(RotateCcwIcon);
export const Save = asIcon(SaveIcon);
export const Tag = asIcon(TagIcon);
export const UserCheck = asIcon(UserCheckIcon);
export const X = asIcon(XIcon);
export { Trash } from '../components/icons.ts';

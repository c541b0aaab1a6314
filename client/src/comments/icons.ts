/** Icons of the comments UI, imported one file each (see components/icons.ts for why). */
import CheckIcon from 'lucide-solid/icons/check';
import ClockIcon from 'lucide-solid/icons/clock-3';
import MapPinIcon from 'lucide-solid/icons/map-pin';
import MessageSquareIcon from 'lucide-solid/icons/message-square';
import PencilIcon from 'lucide-solid/icons/pencil';
import ReplyIcon from 'lucide-solid/icons/reply';
import RotateCcwIcon from 'lucide-solid/icons/rotate-ccw';
import type { Icon } from '../components/icons.ts';

const asIcon = (module: unknown): Icon => module as Icon;

export const Check = asIcon(CheckIcon);
export const Clock = asIcon(ClockIcon);
export const MapPin = asIcon(MapPinIcon);
export const MessageSquare = asIcon(MessageSquareIcon);
export const Pencil = asIcon(PencilIcon);
export const Reply = asIcon(ReplyIcon);
export const RotateCcw = asIcon(RotateCcwIcon);
export { Trash } from '../components/icons.ts';

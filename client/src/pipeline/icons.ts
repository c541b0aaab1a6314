/**
 * Icons of the builder page that the shared set (components/icons.ts) does not have, imported one
 * file each for the same reason as there (the barrel makes every build transform all icons).
 */
import ClockIcon from 'lucide-solid/icons/clock';
import CloudIcon from 'lucide-solid/icons/cloud';
import CodeIcon from 'lucide-solid/icons/code';
import EyeIcon from 'lucide-solid/icons/eye';
import LoaderCircleIcon from 'lucide-solid/icons/loader-circle';
import LockKeyholeIcon from 'lucide-solid/icons/lock-keyhole';
import MessageSquareIcon from 'lucide-solid/icons/message-square';
import Redo2Icon from 'lucide-solid/icons/redo-2';
import RefreshCwIcon from 'lucide-solid/icons/refresh-cw';
import ServerCrashIcon from 'lucide-solid/icons/server-crash';
import Share2Icon from 'lucide-solid/icons/share-2';
import ShieldAlertIcon from 'lucide-solid/icons/shield-alert';
import SlidersHorizontalIcon from 'lucide-solid/icons/sliders-horizontal';
import Undo2Icon from 'lucide-solid/icons/undo-2';
import UserMinusIcon from 'lucide-solid/icons/user-minus';
import UsersIcon from 'lucide-solid/icons/users';
import type { Icon } from '../components/icons.ts';

const asIcon = (module: unknown): Icon => module as Icon;

export const Clock = asIcon(ClockIcon);
export const Cloud = asIcon(CloudIcon);
export const Code = asIcon(CodeIcon);
export const Eye = asIcon(EyeIcon);
export const LoaderCircle = asIcon(LoaderCircleIcon);
export const LockKeyhole = asIcon(LockKeyholeIcon);
export const MessageSquare = asIcon(MessageSquareIcon);
export const Redo2 = asIcon(Redo2Icon);
export const RefreshCw = asIcon(RefreshCwIcon);
export const ServerCrash = asIcon(ServerCrashIcon);
export const Share2 = asIcon(Share2Icon);
export const ShieldAlert = asIcon(ShieldAlertIcon);
export const SlidersHorizontal = asIcon(SlidersHorizontalIcon);
export const Undo2 = asIcon(Undo2Icon);
export const UserMinus = asIcon(UserMinusIcon);
export const Users = asIcon(UsersIcon);
export { CloudOff, Pencil, SearchX } from '../components/icons.ts';

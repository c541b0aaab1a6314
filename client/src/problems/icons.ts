/** Icons of the Problems drawer, one deep import each (see components/icons.ts for why). */
import ChevronDownIcon from 'lucide-solid/icons/chevron-down';
import ChevronUpIcon from 'lucide-solid/icons/chevron-up';
import TriangleAlertIcon from 'lucide-solid/icons/triangle-alert';
import type { Icon } from '../components/icons.ts';

const asIcon = (module: unknown): Icon => module as Icon;

export const ChevronDown = asIcon(ChevronDownIcon);
export const ChevronUp = asIcon(ChevronUpIcon);
export const TriangleAlert = asIcon(TriangleAlertIcon);
export { CircleAlert, CircleCheck } from '../components/icons.ts';

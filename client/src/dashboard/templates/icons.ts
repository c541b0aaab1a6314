/** Icons of the template gallery, one deep import each (see components/icons.ts for why). */
import FilePlusIcon from 'lucide-solid/icons/file-plus';
import type { Icon } from '../../components/icons.ts';

const asIcon = (module: unknown): Icon => module as Icon;

export const FilePlus = asIcon(FilePlusIcon);

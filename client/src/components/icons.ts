/**
 * The icons the client uses (lucide), one deep import each: importing the `lucide-solid` barrel
 * makes Vite transform all ~4,000 icons on every build. Add an icon here, then import it from here.
 *
 * The per-icon typings are CommonJS-flavoured (the package has no `"type": "module"`), so under
 * NodeNext TypeScript sees the default export one level down; at runtime (Vite, ESM) the default
 * export is the component itself. `asIcon` states that once.
 */
import type { LucideProps } from 'lucide-solid';
import ArrowLeftIcon from 'lucide-solid/icons/arrow-left';
import ChevronLeftIcon from 'lucide-solid/icons/chevron-left';
import ChevronRightIcon from 'lucide-solid/icons/chevron-right';
import CircleAlertIcon from 'lucide-solid/icons/circle-alert';
import CircleCheckIcon from 'lucide-solid/icons/circle-check';
import CloudOffIcon from 'lucide-solid/icons/cloud-off';
import InfoIcon from 'lucide-solid/icons/info';
import LogOutIcon from 'lucide-solid/icons/log-out';
import MapPinOffIcon from 'lucide-solid/icons/map-pin-off';
import MoonIcon from 'lucide-solid/icons/moon';
import PencilIcon from 'lucide-solid/icons/pencil';
import PlusIcon from 'lucide-solid/icons/plus';
import SearchIcon from 'lucide-solid/icons/search';
import SearchXIcon from 'lucide-solid/icons/search-x';
import SunIcon from 'lucide-solid/icons/sun';
import TagIcon from 'lucide-solid/icons/tag';
import TrashIcon from 'lucide-solid/icons/trash';
import UserRoundIcon from 'lucide-solid/icons/user-round';
import WorkflowIcon from 'lucide-solid/icons/workflow';
import XIcon from 'lucide-solid/icons/x';
import type { Component } from 'solid-js';

export type Icon = Component<LucideProps>;
const asIcon = (module: unknown): Icon => module as Icon;

export const ArrowLeft = asIcon(ArrowLeftIcon);
export const ChevronLeft = asIcon(ChevronLeftIcon);
export const ChevronRight = asIcon(ChevronRightIcon);
export const CircleAlert = asIcon(CircleAlertIcon);
export const CircleCheck = asIcon(CircleCheckIcon);
export const CloudOff = asIcon(CloudOffIcon);
export const Info = asIcon(InfoIcon);
export const LogOut = asIcon(LogOutIcon);
export const MapPinOff = asIcon(MapPinOffIcon);
export const Moon = asIcon(MoonIcon);
export const Pencil = asIcon(PencilIcon);
export const Plus = asIcon(PlusIcon);
export const Search = asIcon(SearchIcon);
export const SearchX = asIcon(SearchXIcon);
export const Sun = asIcon(SunIcon);
export const Tag = asIcon(TagIcon);
export const Trash = asIcon(TrashIcon);
export const UserRound = asIcon(UserRoundIcon);
export const Workflow = asIcon(WorkflowIcon);
export const X = asIcon(XIcon);

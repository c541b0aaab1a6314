/** MIME type of a component dragged from the library onto the canvas; the payload is its id. */
export const COMPONENT_DRAG_TYPE = 'application/x-dominoml-component';

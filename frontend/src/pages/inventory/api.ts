// The Inventory screen's calls live in src/api (the only importer of wailsjs).
export { inventory, inventoryKeys } from '../../api/inventory';

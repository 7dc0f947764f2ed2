// The base map's two colours, apart from lib/charts/world-map.ts so that the page's client code (the map's circles,
// components/charts/world-map-picture.tsx) can name them without taking the map's geometry into the browser.

export const LAND_FILL = "#dde3ea";
export const SEA_FILL = "#f3f7f9";

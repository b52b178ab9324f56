/** Every interface string of the SIT (es-CL). */
export const es = {
  appTitle: 'SIT Vallenar',
  appSubtitle: 'Sistema de Información Territorial · SECPLA, Municipalidad de Vallenar',
  apiLink: 'API y documentación',
  loadingTerritory: 'Cargando el territorio…',
  loadFailed: (detail: string) => `No se pudo cargar el territorio: ${detail}`,
  attribution: 'Límite comunal: INE/SUBDERE vía chilemapas (referencial, sin validez legal)',
  mapLabel: 'Mapa de la comuna de Vallenar',
} as const;

import { h, replaceChildren, uniqueId } from '../ui/dom.ts';
import { filePicker } from '../ui/file-picker.ts';
import { makeUuid } from './make-uuid.ts';
import { PositionMap, siteZoom, type ChosenPosition } from './position-map.ts';
import { newItem, retryNow, type QueueItem } from './queue-state.ts';
import { queueStore } from './queue-store.ts';
import { maxPhotos, tenures, wasteCategories, type ReportBody, type ReportPhoto, type Tenure, type WasteCategory } from './report.ts';
import { resizePhoto } from './resize-photo.ts';
import { campoTexts } from './texts-es.ts';
import { parseMeasure, validateDraft, type DraftErrors } from './validation.ts';

const t = campoTexts.form;

export interface ReportForm {
  element: HTMLElement;
  /** Called when the form becomes visible (the map needs its size). */
  shown(): void;
  /** Opens a failed report to be corrected and saved again with the same UUID. */
  edit(item: QueueItem): void;
}

function field(id: string, label: string, control: HTMLElement, errorKey: keyof DraftErrors): HTMLElement {
  return h(
    'div',
    { class: 'campo-field' },
    h('label', { for: id }, label),
    control,
    h('p', { class: 'campo-error', 'data-error-for': errorKey, id: `${id}-error`, 'aria-live': 'polite' }),
  );
}

function options(values: readonly string[], labels: Record<string, string>): HTMLOptionElement[] {
  return [h('option', { value: '' }, t.choose), ...values.map((value) => h('option', { value }, labels[value] ?? value))];
}

/**
 * "Nuevo reporte": position from the GPS (accuracy shown) or the map, 1–5
 * photos resized on the phone, category, area, volume, tenure and notes;
 * checked, then stored in the phone's queue before anything is sent.
 */
export function mountReportForm(onSaved: (item: QueueItem) => void): ReportForm {
  const ids = {
    heading: uniqueId('reporte'),
    photos: uniqueId('fotos'),
    category: uniqueId('categoria'),
    area: uniqueId('superficie'),
    volume: uniqueId('volumen'),
    tenure: uniqueId('tenencia'),
    notes: uniqueId('notas'),
  };
  let position: ChosenPosition | null = null;
  let photos: ReportPhoto[] = [];
  let photoUrls: string[] = [];
  let resizing = 0;
  let editing: QueueItem | null = null;
  /** The latest GPS fix, for the next report (a still phone may not report a new one). */
  let lastFix: { lon: number; lat: number; accuracy: number } | null = null;

  const heading = h('h2', { id: ids.heading }, t.title);
  const gpsStatus = h('p', { class: 'campo-gps', 'data-gps': 'esperando', role: 'status' }, t.waitingGps);
  const useGps = h('button', { type: 'button', class: 'campo-secondary', hidden: true }, t.useGps);
  const mapContainer = h('div', { class: 'campo-map', role: 'application', 'aria-label': t.mapLabel, 'data-mapa-reporte': '' });
  const photoPicker = filePicker({
    id: ids.photos,
    accept: 'image/*',
    capture: 'environment',
    multiple: true,
    buttonText: t.addPhotos,
    buttonClass: 'campo-photo-button',
    showChosen: false,
  });
  const photoInput = photoPicker.input;
  const photoList = h('ul', { class: 'campo-photos', 'data-fotos': '' });
  const photoStatus = h('p', { class: 'campo-muted', 'data-fotos-estado': '', 'aria-live': 'polite' }, t.photoCount(0));
  const category = h('select', { id: ids.category, required: true }, ...options(wasteCategories, campoTexts.categories));
  const area = h('input', { id: ids.area, type: 'text', inputmode: 'decimal', autocomplete: 'off' });
  const volume = h('input', { id: ids.volume, type: 'text', inputmode: 'decimal', autocomplete: 'off' });
  const tenure = h('select', { id: ids.tenure, required: true }, ...options(tenures, campoTexts.tenures));
  const notes = h('textarea', { id: ids.notes, rows: 3, maxlength: 2000 });
  const message = h('p', { class: 'campo-message', role: 'status', 'data-form-mensaje': '' });
  const save = h('button', { type: 'submit', class: 'campo-primary' }, t.save);
  const cancel = h('button', { type: 'button', class: 'campo-secondary', hidden: true }, t.cancelEdit);

  const positionMap = new PositionMap(mapContainer, (next) => {
    position = next;
    gpsStatus.dataset.gps = next.origin;
    gpsStatus.textContent = next.origin === 'gps' && next.accuracy !== null ? t.gpsAccuracy(next.accuracy) : t.placedOnMap;
    useGps.hidden = next.origin === 'gps' || !lastFix;
    showErrors({});
    if (message.textContent === t.fixErrors) message.textContent = '';
  });
  useGps.addEventListener('click', () => {
    positionMap.followGps();
    useGps.hidden = true;
    if (lastFix) positionMap.gpsFix(lastFix.lon, lastFix.lat, lastFix.accuracy);
  });

  if ('geolocation' in navigator) {
    navigator.geolocation.watchPosition(
      (fix) => {
        lastFix = { lon: fix.coords.longitude, lat: fix.coords.latitude, accuracy: fix.coords.accuracy };
        positionMap.gpsFix(lastFix.lon, lastFix.lat, lastFix.accuracy);
      },
      () => {
        if (position?.origin === 'mapa') return;
        gpsStatus.dataset.gps = 'denegado';
        gpsStatus.textContent = t.gpsDenied;
      },
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 60_000 },
    );
  } else {
    gpsStatus.dataset.gps = 'denegado';
    gpsStatus.textContent = t.gpsUnsupported;
  }

  const renderPhotos = () => {
    for (const url of photoUrls) URL.revokeObjectURL(url);
    photoUrls = photos.map((photo) => URL.createObjectURL(photo.blob));
    replaceChildren(
      photoList,
      ...photos.map((photo, index) =>
        h(
          'li',
          { 'data-foto': String(index + 1) },
          h('img', {
            src: photoUrls[index] as string,
            alt: t.photoAlt(index + 1),
            width: 72,
            height: Math.round((72 * photo.height) / photo.width),
          }),
          h(
            'button',
            {
              type: 'button',
              class: 'campo-remove',
              'aria-label': t.removePhoto(index + 1),
              onclick: () => {
                photos = photos.filter((_, kept) => kept !== index);
                renderPhotos();
              },
            },
            '×',
          ),
        ),
      ),
    );
    photoStatus.textContent = resizing > 0 ? t.resizing : t.photoCount(photos.length);
    photoStatus.dataset.count = String(photos.length);
    photoStatus.dataset.busy = String(resizing > 0);
    photoInput.disabled = photos.length >= maxPhotos;
  };

  photoInput.addEventListener('change', async () => {
    const files = [...(photoInput.files ?? [])];
    photoInput.value = '';
    const room = maxPhotos - photos.length - resizing;
    const taken = files.slice(0, Math.max(0, room));
    const notes: string[] = files.length > taken.length ? [t.tooManyPhotos] : [];
    resizing += taken.length;
    renderPhotos();
    for (const file of taken) {
      try {
        photos = [...photos, await resizePhoto(file)];
      } catch {
        notes.push(t.photoUnreadable(file.name));
      }
      resizing -= 1;
      renderPhotos();
    }
    message.textContent = notes.join(' ');
  });

  const showErrors = (errors: DraftErrors) => {
    for (const element of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
      const text = errors[element.dataset.errorFor as keyof DraftErrors] ?? '';
      element.textContent = text;
    }
    const controls: Partial<Record<keyof DraftErrors, HTMLElement>> = {
      fotos: photoInput,
      categoria: category,
      superficie: area,
      volumen: volume,
      tenencia: tenure,
      notas: notes,
    };
    for (const [key, control] of Object.entries(controls))
      control.setAttribute('aria-invalid', String(Boolean(errors[key as keyof DraftErrors])));
  };

  const clear = () => {
    editing = null;
    photos = [];
    renderPhotos();
    category.value = '';
    tenure.value = '';
    area.value = '';
    volume.value = '';
    notes.value = '';
    heading.textContent = t.title;
    cancel.hidden = true;
    positionMap.reset();
    position = null;
    gpsStatus.dataset.gps = 'esperando';
    gpsStatus.textContent = t.waitingGps;
    useGps.hidden = true;
    if (lastFix) positionMap.gpsFix(lastFix.lon, lastFix.lat, lastFix.accuracy);
    showErrors({});
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (resizing > 0) return;
    const errors = validateDraft({
      position,
      photoCount: photos.length,
      categoria: category.value,
      superficie: area.value,
      volumen: volume.value,
      tenencia: tenure.value,
      notas: notes.value,
    });
    showErrors(errors);
    if (Object.keys(errors).length > 0 || !position) {
      message.textContent = t.fixErrors;
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    save.disabled = true;
    message.textContent = t.saving;
    const now = new Date();
    const body: ReportBody = {
      uuid: editing?.uuid ?? makeUuid(),
      lon: Math.round(position.lon * 1e7) / 1e7,
      lat: Math.round(position.lat * 1e7) / 1e7,
      precision_gps_m: position.origin === 'gps' && position.accuracy !== null ? Math.round(position.accuracy * 10) / 10 : null,
      origen_posicion: position.origin,
      categoria_residuo: category.value as WasteCategory,
      superficie_m2: parseMeasure(area.value),
      volumen_m3: parseMeasure(volume.value),
      tenencia: tenure.value as Tenure,
      notas: notes.value.trim() || null,
      creado_en: editing?.body.creado_en ?? now.toISOString(),
    };
    const item = editing ? retryNow({ ...editing, body, photos }, now) : newItem(body, photos, now);
    try {
      await queueStore.put(item);
      clear();
      message.textContent = t.saved;
      onSaved(item);
    } catch (error) {
      message.textContent = `${campoTexts.storageUnavailable} ${(error as Error).message}`;
    } finally {
      save.disabled = false;
    }
  };

  const form = h(
    'form',
    {
      class: 'campo-form',
      novalidate: true,
      'aria-labelledby': ids.heading,
      'data-formulario-reporte': '',
      onsubmit: (event: Event) => void submit(event),
    },
    heading,
    h(
      'fieldset',
      {},
      h('legend', {}, t.location),
      gpsStatus,
      mapContainer,
      useGps,
      h('p', { class: 'campo-error', 'data-error-for': 'posicion', 'aria-live': 'polite' }),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t.photos),
      photoPicker.element,
      photoStatus,
      photoList,
      h('p', { class: 'campo-error', 'data-error-for': 'fotos', 'aria-live': 'polite' }),
    ),
    field(ids.category, t.category, category, 'categoria'),
    h('div', { class: 'campo-pair' }, field(ids.area, t.area, area, 'superficie'), field(ids.volume, t.volume, volume, 'volumen')),
    field(ids.tenure, t.tenure, tenure, 'tenencia'),
    field(ids.notes, t.notes, notes, 'notas'),
    message,
    h('div', { class: 'campo-actions' }, save, cancel),
  );
  cancel.addEventListener('click', () => {
    clear();
    message.textContent = '';
  });

  return {
    element: form,
    shown: () => positionMap.map.resize(),
    edit(item) {
      clear();
      editing = item;
      heading.textContent = t.editing;
      cancel.hidden = false;
      photos = [...item.photos];
      renderPhotos();
      category.value = item.body.categoria_residuo;
      tenure.value = item.body.tenencia;
      area.value = item.body.superficie_m2 === null ? '' : String(item.body.superficie_m2).replace('.', ',');
      volume.value = item.body.volumen_m3 === null ? '' : String(item.body.volumen_m3).replace('.', ',');
      notes.value = item.body.notas ?? '';
      positionMap.placeByHand(item.body.lon, item.body.lat);
      if (item.body.origen_posicion === 'gps') {
        // Keep what the GPS said for this report; the person may still move it.
        position = { lon: item.body.lon, lat: item.body.lat, accuracy: item.body.precision_gps_m, origin: 'gps' };
        gpsStatus.textContent = item.body.precision_gps_m === null ? t.placedOnMap : t.gpsAccuracy(item.body.precision_gps_m);
      }
      positionMap.map.jumpTo({ center: [item.body.lon, item.body.lat], zoom: siteZoom });
      message.textContent = item.reason ?? '';
    },
  };
}

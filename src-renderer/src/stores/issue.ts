import { defineStore } from 'pinia';
import { computed, reactive, ref, watch } from 'vue';
import { request } from '@/core/client';
import { typedDateToIso } from '@/utils/format';
import type { DuplicateCandidate, MunicipalityView, OperationInput } from '@shared/operations';
import type { CertificateType, Gender, Relation } from '@shared/enums';

interface IssueDraft {
  child: {
    lastName: string;
    firstName: string;
    middleName: string;
    /** As typed: «14.05.2016» or «2016-05-14». */
    birthDate: string;
    gender: Gender | null;
    identityDocument: string;
    snils: string;
  };
  representative: {
    lastName: string;
    firstName: string;
    middleName: string;
    relation: Relation | null;
    identityDocument: string;
    phone: string;
    email: string;
    address: string;
  };
  municipalityId: string | null;
  categoryId: string | null;
  type: CertificateType;
}

function emptyDraft(): IssueDraft {
  return {
    child: { lastName: '', firstName: '', middleName: '', birthDate: '', gender: null, identityDocument: '', snils: '' },
    representative: {
      lastName: '',
      firstName: '',
      middleName: '',
      relation: null,
      identityDocument: '',
      phone: '',
      email: '',
      address: '',
    },
    municipalityId: null,
    categoryId: null,
    type: 'financing',
  };
}

function valueAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export interface IssueOutcome {
  certificateId: string;
  number: string;
}

/** The issue form's draft, kept while the operator looks at a suspected duplicate and comes back. */
export const useIssueStore = defineStore('issue', () => {
  const draft = reactive<IssueDraft>(emptyDraft());
  const municipalities = ref<MunicipalityView[]>([]);
  const municipalitiesLoading = ref(false);
  const municipalitiesError = ref<string | null>(null);
  /** Errors as the core answered them, and the draft they were answered for. */
  const rawFieldErrors = ref<Record<string, string>>({});
  let submittedDraft: IssueDraft | null = null;
  /** A field's error disappears as soon as the operator changes that field. */
  const fieldErrors = computed<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const [path, text] of Object.entries(rawFieldErrors.value)) {
      if (!submittedDraft || valueAt(draft, path) === valueAt(submittedDraft, path)) out[path] = text;
    }
    return out;
  });
  const message = ref<string | null>(null);
  const duplicates = ref<DuplicateCandidate[] | null>(null);
  const submitting = ref(false);

  const municipality = computed(() => municipalities.value.find((m) => m.id === draft.municipalityId) ?? null);
  const categories = computed(() => municipality.value?.categories ?? []);

  // A changed child makes the duplicate warning stale: the operator must see the new answer.
  watch(
    () => [draft.child.lastName, draft.child.firstName, draft.child.middleName, draft.child.birthDate, draft.child.identityDocument],
    () => {
      duplicates.value = null;
    },
  );
  watch(
    () => draft.municipalityId,
    () => {
      if (!categories.value.some((c) => c.id === draft.categoryId)) draft.categoryId = null;
    },
  );

  async function loadMunicipalities(): Promise<void> {
    if (municipalities.value.length > 0 || municipalitiesLoading.value) return;
    municipalitiesLoading.value = true;
    const r = await request('municipalities.list', {});
    municipalitiesLoading.value = false;
    if (!r.ok) {
      municipalitiesError.value = r.error.message;
      return;
    }
    municipalitiesError.value = null;
    municipalities.value = r.value;
    const only = r.value.length === 1 ? r.value[0] : undefined;
    if (draft.municipalityId === null && only) draft.municipalityId = only.id;
  }

  function buildInput(confirmNotDuplicate: boolean): OperationInput<'certificates.issue'> {
    const c = draft.child;
    const p = draft.representative;
    // Unselected choices go as undefined: the core answers with its own Russian message for the field.
    return {
      child: {
        lastName: c.lastName,
        firstName: c.firstName,
        middleName: c.middleName,
        birthDate: typedDateToIso(c.birthDate),
        gender: (c.gender ?? undefined) as Gender,
        identityDocument: c.identityDocument,
        snils: c.snils,
      },
      representative: {
        lastName: p.lastName,
        firstName: p.firstName,
        middleName: p.middleName,
        relation: (p.relation ?? undefined) as Relation,
        identityDocument: p.identityDocument,
        phone: p.phone,
        email: p.email,
        address: p.address,
      },
      municipalityId: draft.municipalityId ?? '',
      categoryId: (draft.categoryId ?? undefined) as string,
      type: draft.type,
      confirmNotDuplicate,
    };
  }

  async function submit(confirmNotDuplicate = false): Promise<IssueOutcome | null> {
    if (submitting.value) return null;
    submitting.value = true;
    rawFieldErrors.value = {};
    submittedDraft = JSON.parse(JSON.stringify(draft)) as IssueDraft;
    message.value = null;
    const r = await request('certificates.issue', buildInput(confirmNotDuplicate));
    submitting.value = false;
    if (r.ok) {
      duplicates.value = null;
      Object.assign(draft, emptyDraft());
      const only = municipalities.value.length === 1 ? municipalities.value[0] : undefined;
      if (only) draft.municipalityId = only.id;
      return { certificateId: r.value.certificateId, number: r.value.number };
    }
    const e = r.error;
    if (e.code === 'duplicate_suspected') {
      duplicates.value = Array.isArray(e.details) ? (e.details as DuplicateCandidate[]) : [];
      message.value = e.message;
      return null;
    }
    duplicates.value = null;
    rawFieldErrors.value = e.fields ?? {};
    message.value = e.message;
    return null;
  }

  function reset(): void {
    Object.assign(draft, emptyDraft());
    rawFieldErrors.value = {};
    message.value = null;
    duplicates.value = null;
    const only = municipalities.value.length === 1 ? municipalities.value[0] : undefined;
    if (only) draft.municipalityId = only.id;
  }

  // The draft is edited by the form (v-model); everything else is read-only outside.
  return {
    draft,
    municipalities: computed(() => municipalities.value),
    municipalitiesLoading: computed(() => municipalitiesLoading.value),
    municipalitiesError: computed(() => municipalitiesError.value),
    municipality,
    categories,
    fieldErrors,
    message: computed(() => message.value),
    duplicates: computed(() => duplicates.value),
    submitting: computed(() => submitting.value),
    loadMunicipalities,
    submit,
    reset,
  };
});

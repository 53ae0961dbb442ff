/** Fields several views read, written once. */
export const PROVISION_FIELDS = /* GraphQL */ `
  fragment ProvisionFields on Provision {
    id
    name
    text
    section
    reference
    textKind
    document {
      id
      name
    }
  }
`;

/** How a fact is known, as the detail panel and the matrix's cell tell it. Reads $lang. */
export const EVIDENCE_FIELDS = /* GraphQL */ `
  fragment EvidenceFields on Evidence {
    status
    confidence
    marker(lang: $lang)
    wording(lang: $lang)
    quote
    quotedFrom {
      id
      name
      reference
    }
    quoteVerbatim
    note(lang: $lang)
    readings(lang: $lang)
    attested
  }
`;

/** A relation with what the detail panel shows of it; needs PROVISION_FIELDS and EVIDENCE_FIELDS beside it. */
export const RELATION_FIELDS = /* GraphQL */ `
  fragment RelationFields on Relation {
    id
    kind
    family
    familyLabel(lang: $lang)
    label(lang: $lang)
    sentence(lang: $lang)
    from {
      id
      kind
      name
    }
    to {
      id
      kind
      name
    }
    provisions {
      ...ProvisionFields
    }
    sources
    note(lang: $lang)
    validFrom
    validTo
    derived
    evidence {
      ...EvidenceFields
    }
  }
`;

/** What a decision area says and who takes part, as the matrix and the detail panel show it; needs PROVISION_FIELDS and EVIDENCE_FIELDS beside it. */
export const DECISION_AREA_FIELDS = /* GraphQL */ `
  fragment DecisionAreaFields on DecisionArea {
    summary(lang: $lang)
    unsettled(lang: $lang)
    settled
    settledReason(lang: $lang)
    notDelegable(lang: $lang)
    participants {
      role
      roleLabel(lang: $lang)
      roleLabelSv: roleLabel(lang: SV)
      note(lang: $lang)
      actor {
        id
        kind
        name
      }
      provisions {
        ...ProvisionFields
      }
      evidence {
        ...EvidenceFields
      }
    }
  }
`;

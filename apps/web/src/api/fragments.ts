/** Fields several views read, written once. */
export const PROVISION_FIELDS = /* GraphQL */ `
  fragment ProvisionFields on Provision {
    id
    name
    text
    section
    reference
    textKind
    document { id name }
  }
`;

export const RELATION_FIELDS = /* GraphQL */ `
  fragment RelationFields on Relation {
    id
    kind
    family
    familyLabel(lang: $lang)
    label(lang: $lang)
    sentence(lang: $lang)
    from { id kind name }
    to { id kind name }
    provisions { ...ProvisionFields }
    sources
    note(lang: $lang)
    validFrom
    validTo
    derived
  }
`;

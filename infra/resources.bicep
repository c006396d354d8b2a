// The shared resources of one RealGuard environment (resource-group scope), called by main.bicep.
//
// azd's shape (cli/azd/resources/apphost/templates/resources.bicept): managed identity, container registry, Log Analytics,
// the Container Apps environment with the Aspire dashboard. Customised for production:
// - Azure Database for PostgreSQL flexible server for the services and Keycloak, instead of the AppHost's `postgres`
//   container (a PostgreSQL container on Azure Files fails: microsoft/aspire#6671);
// - Azure Managed Redis for the state web and gateway share between replicas (issue 12);
// - a Key Vault holding the connection strings built here; the container apps read them as Key Vault-referenced
//   container-app secrets through the managed identity, so no connection string passes through azd or its environment.
// The container apps themselves are not here: azd deploys them from RealGuard.AppHost/infra/<name>.tmpl.yaml.

@description('The location used for all deployed resources')
param location string = resourceGroup().location

@description('Id of the user or app to assign application roles')
param principalId string = ''

@description('Tags that will be applied to all resources')
param tags object = {}

@secure()
@description('Administrator password of the PostgreSQL flexible server.')
param postgres_password string

var resourceToken = uniqueString(resourceGroup().id)

// Password authentication: Keycloak's JDBC driver has no Entra ID plugin. `postgres` is not allowed as an administrator
// login on a flexible server.
var postgresAdministratorLogin = 'realguard'

// One database per service, plus Keycloak's. The services' connection strings become Key Vault secrets named as azd
// names the secret of `ConnectionStrings__<name>` (connectionstrings--<name>).
var serviceDatabases = [
  'customerdb'
  'securitysystemdb'
  'notificationdb'
]
var databases = concat(serviceDatabases, ['keycloakdb'])

var keyVaultSecretsUserRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
var keyVaultSecretsOfficerRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
var acrPullRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')

resource managedIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'mi-${resourceToken}'
  location: location
  tags: tags
}

resource containerRegistry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: replace('acr-${resourceToken}', '-', '')
  location: location
  sku: {
    name: 'Basic'
  }
  tags: tags
}

resource caeMiRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(containerRegistry.id, managedIdentity.id, acrPullRole)
  scope: containerRegistry
  properties: {
    principalId: managedIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: acrPullRole
  }
}

resource logAnalyticsWorkspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: 'law-${resourceToken}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
  }
  tags: tags
}

resource containerAppEnvironment 'Microsoft.App/managedEnvironments@2024-02-02-preview' = {
  name: 'cae-${resourceToken}'
  location: location
  properties: {
    workloadProfiles: [{
      workloadProfileType: 'Consumption'
      name: 'consumption'
    }]
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logAnalyticsWorkspace.properties.customerId
        sharedKey: logAnalyticsWorkspace.listKeys().primarySharedKey
      }
    }
  }
  tags: tags

  resource aspireDashboard 'dotNetComponents' = {
    name: 'aspire-dashboard'
    properties: {
      componentType: 'AspireDashboard'
    }
  }
}

// ---- PostgreSQL: the services' databases and Keycloak's ----

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'psql-${resourceToken}'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdministratorLogin
    administratorLoginPassword: postgres_password
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: 32
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    // ZoneRedundant doubles the price; turn it on where the region offers zones and the SLA asks for it.
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
  tags: union(tags, {'aspire-resource-name': 'postgres'})
}

// The Container Apps environment has no fixed outbound address and no virtual network here: allow Azure services
// (0.0.0.0), as Aspire's own Azure PostgreSQL integration does. TLS is required (the server's default).
resource postgresFirewallAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// One at a time: a flexible server rejects concurrent changes (ServerIsBusy).
@batchSize(1)
resource postgresDatabases 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = [for name in databases: {
  parent: postgres
  name: name
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  dependsOn: [
    postgresFirewallAzure
  ]
}]

// ---- Redis: web sessions and tokens, Data Protection keys, the gateway's token cache and limits ----

resource redis 'Microsoft.Cache/redisEnterprise@2025-04-01' = {
  name: 'redis-${resourceToken}'
  location: location
  sku: {
    name: 'Balanced_B1'
  }
  properties: {
    minimumTlsVersion: '1.2'
  }
  tags: union(tags, {'aspire-resource-name': 'redis'})
}

resource redisDatabase 'Microsoft.Cache/redisEnterprise/databases@2025-04-01' = {
  parent: redis
  name: 'default'
  properties: {
    clientProtocol: 'Encrypted'
    port: 10000
    // One endpoint, no cluster-aware client needed (StackExchange.Redis through the proxy).
    clusteringPolicy: 'EnterpriseCluster'
    // Sessions and keys must never be evicted to make room.
    evictionPolicy: 'NoEviction'
    accessKeysAuthentication: 'Enabled'
    persistence: {
      aofEnabled: true
      aofFrequency: '1s'
    }
  }
}

// ---- Key Vault: the connection strings built here, read by the container apps through the managed identity ----

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: replace('kv-${resourceToken}', '-', '')
  location: location
  properties: {
    sku: {
      name: 'standard'
      family: 'A'
    }
    tenantId: subscription().tenantId
    enableRbacAuthorization: true
  }
  tags: union(tags, {'aspire-resource-name': 'kv'})
}

resource kvMiRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(kv.id, managedIdentity.id, keyVaultSecretsUserRole)
  scope: kv
  properties: {
    principalId: managedIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: keyVaultSecretsUserRole
  }
}

// The operator running azd may read and rotate the secrets.
resource kvUserRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(kv.id, principalId, keyVaultSecretsOfficerRole)
  scope: kv
  properties: {
    principalId: principalId
    roleDefinitionId: keyVaultSecretsOfficerRole
  }
}

resource databaseConnectionStrings 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for name in serviceDatabases: {
  parent: kv
  name: 'connectionstrings--${name}'
  properties: {
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Port=5432;Username=${postgresAdministratorLogin};Password=${postgres_password};Database=${name};SSL Mode=Require'
  }
}]

resource redisConnectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: kv
  name: 'connectionstrings--redis'
  properties: {
    value: '${redis.properties.hostName}:${redisDatabase.properties.port},password=${redisDatabase.listKeys().primaryKey},ssl=True,abortConnect=False'
  }
}

output MANAGED_IDENTITY_CLIENT_ID string = managedIdentity.properties.clientId
output MANAGED_IDENTITY_NAME string = managedIdentity.name
output MANAGED_IDENTITY_PRINCIPAL_ID string = managedIdentity.properties.principalId
output AZURE_LOG_ANALYTICS_WORKSPACE_NAME string = logAnalyticsWorkspace.name
output AZURE_LOG_ANALYTICS_WORKSPACE_ID string = logAnalyticsWorkspace.id
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = containerRegistry.properties.loginServer
output AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID string = managedIdentity.id
output AZURE_CONTAINER_REGISTRY_NAME string = containerRegistry.name
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = containerAppEnvironment.name
output AZURE_CONTAINER_APPS_ENVIRONMENT_ID string = containerAppEnvironment.id
output AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN string = containerAppEnvironment.properties.defaultDomain
output SERVICE_BINDING_KV_ENDPOINT string = kv.properties.vaultUri
output SERVICE_BINDING_KV_NAME string = kv.name
output POSTGRES_HOST string = postgres.properties.fullyQualifiedDomainName
output POSTGRES_USERNAME string = postgresAdministratorLogin
output REDIS_HOST string = redis.properties.hostName

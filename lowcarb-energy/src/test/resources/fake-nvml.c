/*
 * A stand-in for libnvidia-ml.so.1 with NVML's C signatures, for testing lowcarb's FFM binding
 * on machines without an NVIDIA driver. Device 0 has an energy counter that grows 500 J per read;
 * device 1 is an older GPU without one (NVML_ERROR_NOT_SUPPORTED) that draws 250 W.
 * Device 0's power limit can be set between 200 and 700 W; device 1 refuses (no permission).
 */
#include <string.h>

typedef struct device { int index; } *nvmlDevice_t;
static struct device devices[2] = {{0}, {1}};
static unsigned long long energy_mj = 1000000ULL;
static int initialised = 0;

int nvmlInit_v2(void) { initialised = 1; return 0; }
int nvmlShutdown(void) { initialised = 0; return 0; }

int nvmlDeviceGetCount_v2(unsigned int *count) {
  if (!initialised) return 1; /* NVML_ERROR_UNINITIALIZED */
  *count = 2;
  return 0;
}

int nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device) {
  if (index > 1) return 2; /* NVML_ERROR_INVALID_ARGUMENT */
  *device = &devices[index];
  return 0;
}

int nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length) {
  strncpy(name, device->index == 0 ? "Fake NVIDIA H100" : "Fake Tesla P100", length - 1);
  name[length - 1] = 0;
  return 0;
}

int nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length) {
  strncpy(uuid, device->index == 0 ? "GPU-fake0000-aaaa" : "GPU-fake1111-bbbb", length - 1);
  uuid[length - 1] = 0;
  return 0;
}

int nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t device, unsigned long long *energy) {
  if (device->index == 1) return 3; /* NVML_ERROR_NOT_SUPPORTED */
  energy_mj += 500000ULL;
  *energy = energy_mj;
  return 0;
}

int nvmlDeviceGetPowerUsage(nvmlDevice_t device, unsigned int *power) {
  *power = device->index == 0 ? 400000u : 250000u;
  return 0;
}

static unsigned int limit_mw[2] = {700000u, 250000u};

int nvmlDeviceGetPowerManagementLimit(nvmlDevice_t device, unsigned int *limit) {
  *limit = limit_mw[device->index];
  return 0;
}

int nvmlDeviceGetPowerManagementLimitConstraints(nvmlDevice_t device, unsigned int *min, unsigned int *max) {
  *min = device->index == 0 ? 200000u : 125000u;
  *max = device->index == 0 ? 700000u : 250000u;
  return 0;
}

int nvmlDeviceSetPowerManagementLimit(nvmlDevice_t device, unsigned int limit) {
  if (device->index == 1) return 4; /* NVML_ERROR_NO_PERMISSION */
  if (limit < 200000u || limit > 700000u) return 2;
  limit_mw[0] = limit;
  return 0;
}

const char *nvmlErrorString(int result) {
  return result == 3 ? "Not Supported" : result == 4 ? "Insufficient Permissions" : result == 2 ? "Invalid Argument" : "Unknown Error";
}
